"""Offline gazetteer: countries, regions and cities with Russian names and coordinates."""
from .gazetteer import Gazetteer, GeoPlace, get_gazetteer

__all__ = ["Gazetteer", "GeoPlace", "get_gazetteer"]
