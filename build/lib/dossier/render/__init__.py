"""The render stage: Jinja templates in templates/ turn the model into page HTML."""

from .site import Page, RenderedSite, Reuse, render_site

__all__ = ["Page", "RenderedSite", "Reuse", "render_site"]
