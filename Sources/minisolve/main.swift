import MiniSolveCLI

MiniSolveCommand.main()
