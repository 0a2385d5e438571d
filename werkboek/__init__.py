"""Eenzaam ben je niet alleen: instruments as data, rendered to the web and to fillable PDF worksheets."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_DIR = ROOT / "forms"
DATA_DIR = ROOT / "data"
TEMPLATES_DIR = ROOT / "overrides"
WERKBOEK_TITEL = "Eenzaam ben je niet alleen"  # the book's title: the site's and the PDFs' default title
