"""Start Ralph's LRS (run by .venv-lrs's Python): uvicorn on a socket the test bound, fs backend.

Ralph 5.1.0's filesystem LRS writes each POST with the operation "index" into one
file (fs_lrs.jsonl), which refuses every write after the first ("already exists and
overwrite is not allowed"). Its filesystem data backend also has an "append"
operation; the LRS uses that here, and everything else (validation, duplicate ids,
authentication, queries) is Ralph's own.
"""
import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", fd=int(sys.argv[1]), log_level="warning")
