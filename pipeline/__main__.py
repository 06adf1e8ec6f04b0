import gc
import sys

from .cli import main

status = main()
# The collection at exit would walk every object of the loaded model (about 0.3 s); the process frees them anyway.
gc.freeze()
sys.exit(status)
