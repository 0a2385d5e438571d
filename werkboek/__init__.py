"""Eenzaam ben je niet alleen: instruments as data, rendered to the web and to fillable PDF worksheets."""
from pathlib import Path


def _project_root() -> Path:
    """The project folder (mkdocs.yml, forms/, data/, overrides/): the package's parent in a checkout or an editable
    install; for an installed package (``pip install .``), the folder the build runs in."""
    checkout = Path(__file__).resolve().parent.parent
    return checkout if (checkout / "mkdocs.yml").is_file() else Path.cwd().resolve()


ROOT = _project_root()
FORMS_DIR = ROOT / "forms"
DATA_DIR = ROOT / "data"
TEMPLATES_DIR = ROOT / "overrides"
WERKBOEK_TITEL = "Eenzaam ben je niet alleen"  # the book's title: the site's and the PDFs' default title
