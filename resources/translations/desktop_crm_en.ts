<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <location filename="../work/main/desktop_crm/ui/dialogs/bulk_edit_dialog.py" line="60" />
        <source>%n selected customer(s) will change. Undo takes it back.</source>
        <translation><numerusform>%n selected customer will change. Undo takes it back.</numerusform><numerusform>%n selected customers will change. Undo takes it back.</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../work/main/desktop_crm/ui/main_window.py" line="211" />
        <source>%n customer(s) moved to the trash — Undo brings them back</source>
        <translation><numerusform>%n customer moved to the trash — Undo brings it back</numerusform><numerusform>%n customers moved to the trash — Undo brings them back</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../work/main/desktop_crm/ui/main_window.py" line="263" />
        <source>%n customer(s) in the trash</source>
        <translation><numerusform>%n customer in the trash</numerusform><numerusform>%n customers in the trash</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../work/main/desktop_crm/ui/main_window.py" line="265" />
        <source>%n customer(s)</source>
        <translation><numerusform>%n customer</numerusform><numerusform>%n customers</numerusform></translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message numerus="yes">
        <location filename="../work/main/desktop_crm/ui/reminders.py" line="93" />
        <source>%n follow-ups are due: </source>
        <translation><numerusform>%n follow-up is due: </numerusform><numerusform>%n follow-ups are due: </numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../work/main/desktop_crm/ui/reminders.py" line="95" />
        <source> … and %n more</source>
        <translation><numerusform> … and %n more</numerusform><numerusform> … and %n more</numerusform></translation>
    </message>
</context>
</TS>