from letopis.cli import main

main()
