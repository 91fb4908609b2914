"""`mgi fetch`: MGI profiles from the Migration Data Portal and IOM's publications, politely.

The only part of mgi that touches the network, imported by `mgi fetch` alone (httpx costs
about 100 ms to import; no other command pays it).

    client.py   one polite HTTP client: robots.txt, a delay per host, retries, redirects to
                allowed hosts only, Content-Type and size caps while streaming
    links.py    what a page links to, and what a URL is (in the MGI tree, a page of a split
                profile, a PDF), with the language its path says
    crawl.py    the portal's overview -> the profile pages, two levels deep
    save.py     a response -> a profile file (joined pages, checked by the loader, written
                atomically under a sanitised name) and its provenance
    run.py      what one `mgi fetch` does, and the outcome of each URL
"""

PORTAL = "https://www.migrationdataportal.org"  # --portal's default (MGI_PORTAL)
