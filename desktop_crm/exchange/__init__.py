"""File formats in and out: CSV, xlsx, vCard, iCalendar."""
