"""Documents made on the server: SVG charts and PDFs."""
