"""Desktop CRM: an offline desktop customer manager."""

__version__ = "0.1.0"
