"""The regional picture (`riskmodel beeld`): levels per municipality and district, instruments
and their gates, the facts to find out first, change between two dates and waterbed signals,
with small numbers hidden (issue 10; docs/beeld.md)."""

from riskmodel.beeld.aggregate import Beeld, collect
from riskmodel.beeld.read import Read, read_pairs
from riskmodel.beeld.render import render_beeld
from riskmodel.beeld.waterbed import Neighbours, parse_neighbours, read_neighbours

__all__ = ["Beeld", "Neighbours", "Read", "collect", "parse_neighbours", "read_neighbours",
           "read_pairs", "render_beeld"]
