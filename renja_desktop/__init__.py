"""Renja Desktop: the annual work plan (Renja) of an Indonesian regional agency, offline."""

__version__ = "0.1.0"
