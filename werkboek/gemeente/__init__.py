"""The local edition: a gemeente's own werkboek, everything local in one file (gemeente.yml)."""

BESTAND = "gemeente.yml"  # the file a gemeente fills in, at the project root
OMGEVING = "WERKBOEK_GEMEENTE"  # names another file instead (relative to the project root)
VERWIJSKAART = "verwijskaart"
NETWERKKAART = "persoonlijke-netwerkkaart"
# The contact fields of the verwijskaart (overrides/partials/werkblad/contact.html); a one-line slot shows only
# the first three.
CONTACT_VELDEN = ("naam", "telefoon", "email", "website", "van", "tot", "dagen")
REGEL_VELDEN = ("naam", "telefoon", "email")
