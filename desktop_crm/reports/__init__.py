"""Printed reports: documents built from the services, painted with QtGui into PDF or a printer.

    client.py         the client report (one customer)
    customer_list.py  the list report (a search, filter or saved segment)
    followup_plan.py  a rep's follow-up plan, day by day
    labels.py         address labels on label sheets; how addresses are written
    envelopes.py      envelopes (DL, C5, US #10)
    letters.py        mail-merge letters from a template
    data.py           the facts reports print, gathered as plain values (no Qt)
    document.py       pages, letterhead and footer; PDF output and printing
    markup.py         the HTML and style sheet text reports are written in
    texts.py          report wording in English and Simplified Chinese
    fonts.py          the fonts reports print in, per platform, with a Chinese face
    pdf_text.py       makes copied PDF text match what was printed
    command.py        `desktop-crm report …`

Only QtGui (and QtCore) is used here, never QtWidgets: the command line prints reports
without a screen. Nothing is imported at package level, so `command.py` can build the
argument parser without loading Qt.
"""
