"""Build steps for MkDocs, one module each; `site_hooks` wires them to MkDocs events."""
