"""The gemeente's logo: a file inside the project (also after following symlinks), at most 2 MB, really the kind
of image its name says, and safe to publish: a raster image that decodes and is at most ``MAX_PIXELS`` on a side,
or an SVG that passes the allow-list of werkboek/gemeente/svg_logo.py. Every problem is a ValueError with a Dutch message
for the person who edits gemeente.yml."""
from __future__ import annotations

from pathlib import Path

from werkboek.gemeente.svg_logo import EXPORT_HINT, SvgProblem, check_svg

SOORTEN = {".svg": "svg", ".png": "png", ".jpg": "jpg", ".jpeg": "jpg"}
MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4000
PILLOW_FORMAT = {"png": "PNG", "jpg": "JPEG"}


def image_kind(data: bytes) -> str | None:
    """'png', 'jpg' or 'svg' from the file's first bytes (its 'magic'), else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    # XML (an SVG may start with a declaration, comments or a doctype): check_svg decides whether it is an SVG.
    if data.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"<"):
        return "svg"
    return None


def logo_path(text: str, root: Path) -> Path:
    """The logo's real path (symlinks followed); it must lie inside the project."""
    if Path(text).is_absolute() or ".." in Path(text).parts:
        raise ValueError(f"'{text}': geef het pad vanaf de hoofdmap van het project, zoals logo-gemeente.svg of "
                         "voorbeelden/dorpshaven-logo.svg")
    path = Path(root) / text
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop, or a name the system refuses
        raise ValueError(f"het logobestand '{text}' is niet te openen (een symbolische link die naar zichzelf "
                         "verwijst?); zet het logo zelf in de hoofdmap van het project") from None
    try:
        real.relative_to(Path(root).resolve())
    except ValueError:
        raise ValueError(f"'{text}' verwijst (via een snelkoppeling of symbolische link) naar een bestand buiten het "
                         "project; zet het logo zelf in de hoofdmap van het project") from None
    if not real.is_file():
        raise ValueError(f"het logobestand '{text}' bestaat niet; zet het bestand in de hoofdmap van het project "
                         "(of geef het pad vanaf de hoofdmap) en let op hoofdletters")
    return real


def check_logo(text: str, root: Path) -> Path:
    """Check the logo named ``text`` (relative to ``root``); return its real path or raise ValueError."""
    path = logo_path(text, root)
    kind = SOORTEN.get(Path(text).suffix.lower())
    if kind is None or SOORTEN.get(path.suffix.lower(), kind) != kind:
        raise ValueError(f"'{text}' is geen logo: gebruik een .svg-, .png- of .jpg-bestand")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"het logo '{text}' is te groot ({size / 1024 / 1024:.1f} MB); maximaal 2 MB")
    data = path.read_bytes()
    if image_kind(data) != kind:
        raise ValueError(f"'{text}' is geen geldig {kind.upper()}-plaatje (de inhoud past niet bij de extensie); "
                         "sla het logo opnieuw op als .svg, .png of .jpg")
    if kind == "svg":
        try:
            check_svg(data)
        except SvgProblem as exc:
            raise ValueError(f"het logo '{text}' {exc} (regel {exc.line} van het logo). Dat mag niet in een logo: "
                             f"het wordt op de site en in elke PDF getoond. {EXPORT_HINT}") from None
    else:
        _check_raster(text, path, kind)
    return path


def _check_raster(text: str, path: Path, kind: str) -> None:
    from PIL import Image, JpegImagePlugin, PngImagePlugin

    header = {"png": PngImagePlugin.PngImageFile, "jpg": JpegImagePlugin.JpegImageFile}[kind]
    try:
        with path.open("rb") as fp:
            width, height = header(fp).size  # the header only (Image.open would refuse a huge one unexplained)
        if max(width, height) <= MAX_PIXELS:
            with Image.open(path, formats=[PILLOW_FORMAT[kind]]) as image:
                image.verify()  # checksums
            with Image.open(path, formats=[PILLOW_FORMAT[kind]]) as image:
                image.load()  # every pixel decodes
    except Exception:  # Pillow reports a broken file in many ways (OSError, SyntaxError, ValueError, struct.error)
        raise ValueError(f"het logo '{text}' is beschadigd of geen echt {kind.upper()}-plaatje (het is niet te "
                         f"openen); open het in een tekenprogramma en sla het opnieuw op als .{kind}") from None
    if max(width, height) > MAX_PIXELS:
        raise ValueError(f"het logo '{text}' is te groot ({width} × {height} pixels); maximaal {MAX_PIXELS} × "
                         f"{MAX_PIXELS} pixels. Verklein het (600 pixels breed is ruim genoeg voor een logo) en sla "
                         "het opnieuw op")
