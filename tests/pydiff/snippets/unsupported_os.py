# expect: unsupported
import os  # unsupported here
print(os.path.join("a", "b"))
