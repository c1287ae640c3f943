"""Gap reports for proposal drafters: content (reports/content.py), charts, and renderers
to Markdown, HTML and DOCX (reports/render.py). Formatting only: the numbers come from queries/."""
