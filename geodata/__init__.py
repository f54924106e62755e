"""Curated geodata shipped with mapgen (installed as ``mapgen.geodata``); see README.md here."""
