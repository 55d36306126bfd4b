"""The command line and whole-collection runs: the layer above the analysis and the rendering.

The project has three layers, each importing only those below it:

* :mod:`storycompare` -- the command line (:mod:`storycompare.cli`, which adds the
  ``batch`` sub-command from :mod:`storycompare.batch_cli`) and the batch run that
  writes a collection's reports (:mod:`storycompare.batch`);
* :mod:`reports` -- rendering a comparison: HTML, PDF, JSON, the batch index;
* :mod:`compare` -- the analysis: :func:`compare.compare` and its stages, with no
  knowledge of how the result is shown.
"""
