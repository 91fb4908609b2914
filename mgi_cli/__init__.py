"""mgi: read, search and compare IOM Migration Governance Indicators profiles."""

__version__ = "0.1.0"
