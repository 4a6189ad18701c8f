"""Browser-side assets (template, JS, CSS) and helpers for the web views.

The folder ships the page template and the explorer's own JavaScript and
CSS; vis-network itself is read from the installed pyvis package at render
time and inlined, so pages work with the network off.
"""
