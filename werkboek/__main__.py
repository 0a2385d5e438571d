from werkboek.cli import main

raise SystemExit(main())
