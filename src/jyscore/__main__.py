from jyscore.cli import main

main()
