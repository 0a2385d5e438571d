"""`make benchmark`: the werkboek's speed and size goals, measured on this machine (not part of the package)."""
