"""Is an SVG logo safe to publish? The published logo is opened by browsers in the site's own origin and drawn by
WeasyPrint into every PDF, so it is parsed as XML and checked against an allow-list: only drawing elements and
attributes of the SVG namespace, references only inside the file (``#id``) or to an embedded PNG/JPEG/GIF, no
scripts, event handlers, animations, links, processing instructions, entity declarations or foreign namespaces.

The check reads the XML the way a browser does (namespaces resolved, character references decoded), so
``<s:script>``, ``java&#115;cript:`` and ``&#x68;ttps://`` are seen for what they are. Nothing is rewritten: a
logo that passes is published byte for byte; one that does not gets a Dutch message with the line in the logo.
"""
from __future__ import annotations

import re
from xml.parsers import expat

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ELEMENTS = frozenset("""
    svg g defs symbol use title desc metadata switch
    path rect circle ellipse line polyline polygon
    text tspan textPath
    linearGradient radialGradient stop pattern clipPath mask marker image style
    filter feBlend feColorMatrix feComponentTransfer feComposite feFlood feGaussianBlur feMerge feMergeNode
    feMorphology feOffset feDropShadow feFuncR feFuncG feFuncB feFuncA
""".split())

ATTRIBUTES = frozenset("""
    id class style lang role focusable version baseProfile
    x y width height viewBox preserveAspectRatio transform transform-origin
    d cx cy r rx ry x1 y1 x2 y2 points pathLength
    dx dy rotate textLength lengthAdjust startOffset method spacing side
    gradientUnits gradientTransform spreadMethod fx fy fr offset
    patternUnits patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits
    markerWidth markerHeight markerUnits refX refY orient
    filterUnits primitiveUnits in in2 result stdDeviation mode type values operator k1 k2 k3 k4 radius
    tableValues slope intercept amplitude exponent edgeMode
    fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin stroke-miterlimit
    stroke-dasharray stroke-dashoffset stroke-opacity opacity color display visibility overflow
    clip-path clip-rule mask filter marker-start marker-mid marker-end
    font-family font-size font-weight font-style font-variant font-stretch text-anchor dominant-baseline
    alignment-baseline baseline-shift letter-spacing word-spacing text-decoration writing-mode direction
    unicode-bidi stop-color stop-opacity flood-color flood-opacity lighting-color color-interpolation
    color-interpolation-filters shape-rendering text-rendering image-rendering vector-effect paint-order
    mix-blend-mode isolation enable-background
    href
""".split())
XML_ATTRIBUTES = frozenset({"space", "lang"})
XLINK_ATTRIBUTES = frozenset({"href", "title"})

EMBEDDED_IMAGE = re.compile(r"data:image/(png|jpeg|jpg|gif);base64,[a-z0-9+/=]*", re.IGNORECASE)
URL = re.compile(r"url\(([^)]*)\)?", re.IGNORECASE)
SCHEME = re.compile(r"(javascript|vbscript|data|file|https?|ftp|blob)[:(]", re.IGNORECASE)
CSS_DANGER = re.compile(r"@import|expression\(|-moz-binding|behavior\s*:|\\", re.IGNORECASE)

EXPORT_HINT = ("Exporteer het logo opnieuw als eenvoudige SVG (Inkscape: 'Opslaan als' → 'Gewone SVG'; "
               "Illustrator: 'Exporteren als' → SVG), of gebruik een PNG")


class SvgProblem(ValueError):
    """An SVG the site must not publish; ``line`` is the line in the logo file."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def _squash(value: str) -> str:
    """The value as a URL parser sees it: browsers ignore whitespace and control characters inside a scheme."""
    return re.sub(r"[\x00-\x20\x7f]+", "", value)


def _name(qualified: str) -> tuple[str, str]:
    ns, _, local = qualified.rpartition(" ")
    return ns, local


def _shown(ns: str, local: str) -> str:
    """A name as the editor wrote it, near enough: 'xlink:href', 'inkscape:label', 'xhtml:script'."""
    if not ns or ns == SVG_NS:
        return local
    prefix = "xml" if ns == XML_NS else re.sub(r"[^A-Za-z0-9-]", "", ns.rstrip("/#").rsplit("/", 1)[-1]) or "?"
    return f"{prefix}:{local}"


def _check_css(css: str) -> str | None:
    """Why this CSS must not be published, or None."""
    flat = _squash(css)
    if CSS_DANGER.search(flat):
        return "CSS met @import, escapes (\\) of code"
    for target in URL.findall(flat):
        if not target.strip("'\"").startswith("#"):
            return f"een verwijzing naar buiten het logo (url({target.strip()}))"
    return None


def _check_attribute(element: str, ns: str, local: str, value: str) -> str | None:
    """Why this attribute must not be published, or None."""
    shown = _shown(ns, local)
    if ns == XLINK_NS:
        allowed = local in XLINK_ATTRIBUTES
    elif ns == XML_NS:
        allowed = local in XML_ATTRIBUTES
    elif ns:
        return f"het attribuut '{shown}' (uit een andere XML-naamruimte)"
    else:
        allowed = local in ATTRIBUTES or local.startswith(("aria-", "data-"))
    if local.lower().startswith("on"):
        return f"een event-handler ({shown}=…: code die de browser uitvoert)"
    if not allowed:
        return f"het attribuut '{shown}' (niet toegestaan in een logo)"
    flat = _squash(value)
    if local == "href":
        if flat.startswith("#") or (element == "image" and EMBEDDED_IMAGE.fullmatch(flat)):
            return None
        return f"een verwijzing naar buiten het logo ({shown}=\"{value.strip()[:60]}\")"
    if local == "style":
        return _check_css(value)
    if "url(" in flat.lower():
        return _check_css(value)
    if SCHEME.search(flat):
        return f"een adres of script in '{shown}' (\"{value.strip()[:60]}\")"
    return None


def check_svg(data: bytes) -> None:
    """Raise SvgProblem (Dutch, with the line in the logo) unless ``data`` is an SVG the site may publish."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise SvgProblem(line, "is geen UTF-8-tekst; sla het logo op als SVG met UTF-8-codering") from None
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[str] = []
    style_text: list[str] = []

    def fail(message: str):
        raise SvgProblem(parser.CurrentLineNumber, message)

    def xml_decl(version, encoding, standalone):
        if encoding and encoding.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii"):
            fail(f"heeft de tekencodering '{encoding}'; sla het logo op als SVG met UTF-8-codering")

    def doctype(name, system_id, public_id, has_internal_subset):
        if has_internal_subset:
            fail("heeft een DOCTYPE met eigen declaraties (entiteiten); dat is niet nodig in een logo")

    def entity(*_):
        fail("declareert XML-entiteiten; dat is niet nodig in een logo")

    def instruction(target, _data):
        fail(f"bevat een verwerkingsinstructie (<?{target} …?>), bijvoorbeeld een extern stylesheet")

    def start(qualified, attributes):
        ns, local = _name(qualified)
        if not stack and (ns, local) != (SVG_NS, "svg"):
            if local == "svg" and not ns:
                fail("mist xmlns=\"http://www.w3.org/2000/svg\" in de <svg>-tag")
            fail(f"begint niet met <svg> maar met <{_shown(ns, local)}>")
        if ns != SVG_NS:
            fail(f"bevat het element <{_shown(ns, local)}> uit een andere XML-naamruimte")
        if local not in ELEMENTS:
            kind = "een script" if local.lower() == "script" else f"het element <{local}>"
            fail(f"bevat {kind}; dat mag niet in een logo (alleen tekenelementen)")
        for name, value in attributes.items():
            why = _check_attribute(local, *_name(name), value)
            if why:
                fail(f"bevat {why} in <{local}>")
        stack.append(local)

    def end(_qualified):
        if stack.pop() == "style":
            why = _check_css("".join(style_text))
            style_text.clear()
            if why:
                fail(f"bevat in <style> {why}")

    def text(chunk):
        if stack and stack[-1] == "style":
            style_text.append(chunk)

    parser.XmlDeclHandler = xml_decl
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise SvgProblem(exc.lineno, f"is geen geldige XML ({expat.ErrorString(exc.code)})") from None
