import sys

from saring.cli import main

sys.exit(main())
