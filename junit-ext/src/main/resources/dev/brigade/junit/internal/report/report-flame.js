// report.html's differential flame graphs (issue 29), inlined by HtmlReport after d3-flame-graph and the d3 modules
// it needs, only on a page that has one. Each div.flamegraph names its tree in the JSON of #flames (HtmlReport's Flame
// records): a frame's width is its samples on the current side; its colour, by d3-flame-graph's differential colour
// mapper, is the change of its share, current minus base (base scaled to the current side's samples): red where the
// current build spends more, blue where less, grey where the same.
(function(){
  var data = document.getElementById('flames');
  if (!data || !window.flamegraph || !window.d3) { return; }
  var flames = JSON.parse(data.textContent);
  function percent(part, whole){ return whole ? (100 * part / whole).toFixed(1) + ' %' : '–'; }
  document.querySelectorAll('div.flamegraph[data-flame]').forEach(function(el){
    var flame = flames[Number(el.getAttribute('data-flame'))];
    var scale = flame.samplesBase ? flame.samplesCurrent / flame.samplesBase : 0;
    function change(f){ return f.current - f.base * scale; }
    // d3-flame-graph adds the children's deltas to a frame's own: each frame gives its change less its children's,
    // so that the sum it colours by is the frame's own change (given whole, a caller was coloured by its callees'
    // changes again, and the root, unchanged by construction, came out tinted)
    function node(f){
      var children = f.children || [];
      var delta = children.reduce(function(d, c){ return d - change(c); }, change(f));
      return {name: f.name, value: f.current, base: f.base, delta: delta, children: children.map(node)};
    }
    var chart = flamegraph.default()
      .width(Math.max(320, el.clientWidth || 960)).cellHeight(18).transitionDuration(0).minFrameSize(1)
      .setColorMapper(flamegraph.colorMapper.differentialColorMapper)
      .setLabelHandler(function(d){
        return d.data.name + ': current ' + percent(d.data.value, flame.samplesCurrent) + ' of samples (' + d.data.value
          + '), base ' + percent(d.data.base, flame.samplesBase) + ' (' + d.data.base + ')';
      });
    d3.select(el).datum(node(flame.root)).call(chart);
    // again at once: the first drawing grows each frame in a transition of 250 ms that transitionDuration leaves
    chart.update();
    el.setAttribute('data-frames', String(el.querySelectorAll('g.frame').length));
  });
})();
