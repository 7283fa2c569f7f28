# expect: unsupported
def names(conn):
    for d in conn.listAllDomains():
        yield d.name()  # unsupported here
print("defined")
