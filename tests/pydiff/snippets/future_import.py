# from __future__ imports change nothing in Python 3.
from __future__ import print_function, division
from __future__ import absolute_import
print(7 / 2, 7 // 2)
