"""`mgi fetch`: MGI profiles from the Migration Data Portal and IOM's publications, politely.

The only part of mgi that touches the network, imported by `mgi fetch` alone (httpx costs
about 100 ms to import; no other command pays it).

    client.py   one polite HTTP client: robots.txt, a delay per host, retries, redirects to
                allowed hosts only, Content-Type and size caps while streaming
    links.py    what a page links to, and what a URL is (in the MGI tree, a page of a split
                profile, a PDF), with the language its path says
    save.py     a response -> a profile file (joined pages, checked by the loader, written
                atomically under a sanitised name)
    run.py      what one `mgi fetch` does: the crawl of the portal's overview two levels deep,
                URLs given, --update; the outcome of each URL and the provenance kept
    report.py   the outcomes told: counts, the summary line, the JSON contract
"""
