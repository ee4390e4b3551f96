"""The render stage: Jinja templates in templates/ turn the model into page HTML."""

from .site import Page, RenderedSite, render_site

__all__ = ["Page", "RenderedSite", "render_site"]
