"""Date forms, one module per concept; each exposes compiled regexes and the function that turns matches into candidates."""
