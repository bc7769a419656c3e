"""Reads of the leernetwerk app."""
