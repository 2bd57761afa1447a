"""The rail network: the built graph, and its build (``routes build-network``).

* :mod:`routes.network.graph`: the graph as loaded, with its airports;
* :mod:`routes.network.build`: the build from the raw geodata.
"""

from routes.network.graph import Network, Node, load_network

__all__ = ["Network", "Node", "load_network"]
