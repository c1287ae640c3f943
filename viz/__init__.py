"""The web explorer (pages, templates, vendored JS). Filled by the web explorer issue."""
