<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/bulk_edit_dialog.py" line="+70"/>
        <source>%n selected customer(s) will change. Undo takes it back.</source>
        <translation>
            <numerusform>%n selected customer will change. Undo takes it back.</numerusform>
            <numerusform>%n selected customers will change. Undo takes it back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CareTableModel</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/widgets/care_table.py" line="+121"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>turns %n</source>
        <translation>
            <numerusform>turns %n</numerusform>
            <numerusform>turns %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n sent</source>
        <translation>
            <numerusform>%n sent</numerusform>
            <numerusform>%n sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CareView</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/care_view.py" line="+220"/>
        <source>%n occasion(s) for customers</source>
        <translation>
            <numerusform>%n occasion for customers</numerusform>
            <numerusform>%n occasions for customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n festival(s)</source>
        <translation>
            <numerusform>%n festival</numerusform>
            <numerusform>%n festivals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/import_check_page.py" line="+130"/>
        <source>Checking %n row(s)…</source>
        <translation>
            <numerusform>Checking %n row…</numerusform>
            <numerusform>Checking %n rows…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+98"/>
        <source>Nothing will be imported while %n row(s) are bad: correct them in the file and choose it again, or import the good rows.</source>
        <translation>
            <numerusform>Nothing will be imported while %n row is bad: correct it in the file and choose it again, or import the good rows.</numerusform>
            <numerusform>Nothing will be imported while %n rows are bad: correct them in the file and choose it again, or import the good rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/complaint_dialog.py" line="+73"/>
        <source>To be answered within %n hour(s)</source>
        <translation>
            <numerusform>To be answered within %n hour</numerusform>
            <numerusform>To be answered within %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/duplicates_dialog.py" line="+223"/>
        <source>%n likely pair(s), most likely first. Double-click a pair to merge it.</source>
        <translation>
            <numerusform>%n likely pair, most likely first. Double-click a pair to merge it.</numerusform>
            <numerusform>%n likely pairs, most likely first. Double-click a pair to merge it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExitCustomerDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/exit_dialog.py" line="+65"/>
        <source>Cancel %n open follow-up(s)</source>
        <translation>
            <numerusform>Cancel %n open follow-up</numerusform>
            <numerusform>Cancel %n open follow-ups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/export_dialog.py" line="+63"/>
        <source>The &amp;selected customers (%n)</source>
        <translation>
            <numerusform>The &amp;selected customers (%n)</numerusform>
            <numerusform>The &amp;selected customers (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/import_wizard.py" line="+233"/>
        <source>vCard file (%1), %n contact(s).</source>
        <translation>
            <numerusform>vCard file (%1), %n contact.</numerusform>
            <numerusform>vCard file (%1), %n contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Excel workbook, sheet “%1”, %n row(s).</source>
        <translation>
            <numerusform>Excel workbook, sheet “%1”, %n row.</numerusform>
            <numerusform>Excel workbook, sheet “%1”, %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>CSV file (%1, %2), %n row(s).</source>
        <translation>
            <numerusform>CSV file (%1, %2), %n row.</numerusform>
            <numerusform>CSV file (%1, %2), %n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/import_history_dialog.py" line="+111"/>
        <source>%n customer(s) from it in the list</source>
        <translation>
            <numerusform>%n customer from it in the list</numerusform>
            <numerusform>%n customers from it in the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Undo the import of %1? The %n customer(s) it created are deleted, duplicates it merged are separated again and the fields it changed get their old values.</source>
        <translation>
            <numerusform>Undo the import of %1? The %n customer it created is deleted, duplicates it merged are separated again and the fields it changed get their old values.</numerusform>
            <numerusform>Undo the import of %1? The %n customers it created are deleted, duplicates it merged are separated again and the fields it changed get their old values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Import undone: %n customer(s) removed</source>
        <translation>
            <numerusform>Import undone: %n customer removed</numerusform>
            <numerusform>Import undone: %n customers removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>This import cannot be undone: %n of its customers were worked on since (listed below). Nothing was changed.</source>
        <translation>
            <numerusform>This import cannot be undone: %n of its customers was worked on since (listed below). Nothing was changed.</numerusform>
            <numerusform>This import cannot be undone: %n of its customers were worked on since (listed below). Nothing was changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/main_window.py" line="+370"/>
        <source>%n customer(s) moved to the trash — Undo brings them back</source>
        <translation>
            <numerusform>%n customer moved to the trash — Undo brings it back</numerusform>
            <numerusform>%n customers moved to the trash — Undo brings them back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>%n customer(s) in the trash</source>
        <translation>
            <numerusform>%n customer in the trash</numerusform>
            <numerusform>%n customers in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/merge_dialog.py" line="+274"/>
        <source>%n follow-up(s)</source>
        <translation>
            <numerusform>%n follow-up</numerusform>
            <numerusform>%n follow-ups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n contact person(s)</source>
        <translation>
            <numerusform>%n contact person</numerusform>
            <numerusform>%n contact persons</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/recovery_dialog.py" line="+86"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/reminders.py" line="+108"/>
        <source>%n follow-ups are due: </source>
        <translation>
            <numerusform>%n follow-up is due: </numerusform>
            <numerusform>%n follow-ups are due: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> … and %n more</source>
        <translation>
            <numerusform> … and %n more</numerusform>
            <numerusform> … and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionTableModel</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/widgets/retention_tables.py" line="+85"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionView</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/retention_view.py" line="+183"/>
        <source>%n customer(s) have left.</source>
        <translation>
            <numerusform>%n customer has left.</numerusform>
            <numerusform>%n customers have left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n customer(s) at risk.</source>
        <translation>
            <numerusform>%n customer at risk.</numerusform>
            <numerusform>%n customers at risk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n follow-up(s) planned.</source>
        <translation>
            <numerusform>%n follow-up planned.</numerusform>
            <numerusform>%n follow-ups planned.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/import_run_pages.py" line="+63"/>
        <source>Importing %n row(s)…</source>
        <translation>
            <numerusform>Importing %n row…</numerusform>
            <numerusform>Importing %n rows…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceTab</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/widgets/service_tab.py" line="+241"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/dialogs/import_run_pages.py" line="+112"/>
        <source>Nothing was imported: %n row(s) were bad (see the check step).</source>
        <translation>
            <numerusform>Nothing was imported: %n row was bad (see the check step).</numerusform>
            <numerusform>Nothing was imported: %n rows were bad (see the check step).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncFiles</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/sync_files.py" line="+193"/>
        <source>%n change(s) written to %1.</source>
        <translation>
            <numerusform>%n change written to %1.</numerusform>
            <numerusform>%n changes written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+89"/>
        <source>The office refused %n change(s); they stay on the laptop, unsent:</source>
        <translation>
            <numerusform>The office refused %n change; it stays on the laptop, unsent:</numerusform>
            <numerusform>The office refused %n changes; they stay on the laptop, unsent:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/sync_status.py" line="+60"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message numerus="yes">
        <location filename="../../desktop_crm/ui/sync_now.py" line="+170"/>
        <source>%n conflict(s) wait for your choice: the same thing was changed here and at the office.</source>
        <translation>
            <numerusform>%n conflict waits for your choice: the same thing was changed here and at the office.</numerusform>
            <numerusform>%n conflicts wait for your choice: the same thing was changed here and at the office.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The office refused %n change(s); they stay here, unsent:</source>
        <translation>
            <numerusform>The office refused %n change; it stays here, unsent:</numerusform>
            <numerusform>The office refused %n changes; they stay here, unsent:</numerusform>
        </translation>
    </message>
</context>
</TS>
