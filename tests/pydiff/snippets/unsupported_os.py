# expect: unsupported
import os
print(os.path.join("a", "b"), os.path.basename("/x/y.xml"), os.path.splitext("y.xml"))
print(os.getenv("HOME") is not None)  # unsupported here
