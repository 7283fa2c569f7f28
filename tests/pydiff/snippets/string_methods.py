s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip() + "|")
print(s.lower(), s.upper(), s.strip().split(", "))
print("a,b,,c".split(","), "a b  c".split())
print("abc".startswith("a"), "abc".endswith("bc"), "abc".find("c"), "abc".replace("b", "B"))
print("x=1".partition("="), "title case".title(), "42".isdigit())
