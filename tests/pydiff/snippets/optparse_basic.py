# compat-args: -u test:///default -q
from optparse import OptionParser
parser = OptionParser()
parser.add_option("-u", "--uri", dest="uri", default="qemu:///system")
parser.add_option("-q", "--quiet", action="store_true", dest="quiet", default=False)
(options, args) = parser.parse_args()
print(options.uri, options.quiet, args)
