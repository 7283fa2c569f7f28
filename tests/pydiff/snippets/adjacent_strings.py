# Adjacent string literals are one string, before % applies.
name = "web"
msg = ("domain %s "
       "is %s" % (name, "running"))
print(msg)
print("a" "b" 'c')
long_text = ("first line\n"
             "second line")
print(long_text)
