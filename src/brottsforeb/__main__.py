from brottsforeb.cli import main

main()
