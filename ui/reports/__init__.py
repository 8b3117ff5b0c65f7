"""Reports on screen and on paper: panels, texts, PDFs and the report command."""
