"""Places: the gazetteer, the one name resolver, place finding in text, geodesy and geocoders.

* :mod:`routes.geo.places`: the :class:`~routes.geo.places.Place` record and the curated places;
* :mod:`routes.geo.gazetteer`: the offline name index (GeoNames and curated names);
* :mod:`routes.geo.geoparse`: place names in text, with offsets;
* :mod:`routes.geo.geocoders`: the same gazetteer behind geopy's interface, and Nominatim;
* :mod:`routes.geo.geodesy`: distances on the ellipsoid.
"""
