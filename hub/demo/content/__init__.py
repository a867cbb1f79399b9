"""The demo content: one module per site, built in this order (later sites link to earlier ones)."""

from hub.demo.content import (
    chemienetzwerk_harz,
    metropolregion,
    recycling_region_harz,
    zukunftscluster,
)

SITES = [chemienetzwerk_harz, zukunftscluster, recycling_region_harz, metropolregion]
