"""jinja2 templates of the generated module and its test (shipped inside the wheel)."""
