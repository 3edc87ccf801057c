// report.html's script, inlined into the page by HtmlReport after Chart.js: draws the charts of the JSON in
// #charts (HtmlReport's Charts records) as they scroll into view, filters the tests, sorts the full table.
(function(){
  var charts = JSON.parse(document.getElementById('charts').textContent), drawn = 0;
  var dark = window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches;
  if (dark) { Chart.defaults.color = '#ccc'; Chart.defaults.borderColor = '#3a3d42'; }
  function fmt(v, unit){
    if (unit === 'ns') { var a = Math.abs(v);
      return a >= 1e9 ? (v/1e9).toPrecision(3)+' s' : a >= 1e6 ? (v/1e6).toPrecision(3)+' ms'
        : a >= 1e3 ? (v/1e3).toPrecision(3)+' µs' : v.toPrecision(3)+' ns'; }
    if (unit === '×') { return Number(v.toPrecision(3))+'×'; }
    if (unit === 'B') { var b = Math.abs(v);
      return b >= 1048576 ? (v/1048576).toPrecision(3)+' MiB' : b >= 1024 ? (v/1024).toPrecision(3)+' KiB'
        : Math.round(v)+' B'; }
    return String(Number(v.toPrecision(3)));
  }
  // an axis as HtmlReport's Axis gives it: its ends, and its ticks with their labels (1-2-5 steps in the unit);
  // Chart.js draws it and chooses nothing
  function axis(a, more){
    var labels = {};
    a.ticks.forEach(function(v, i){ labels[String(v)] = a.labels[i]; });
    var y = {type:a.log ? 'logarithmic' : 'linear', min:a.min, max:a.max,
      afterBuildTicks:function(scale){ scale.ticks = a.ticks.map(function(v){ return {value:v}; }); },
      ticks:{autoSkip:false, callback:function(v){ var l = labels[String(v)]; return l === undefined ? '' : l; }}};
    Object.keys(more || {}).forEach(function(k){ y[k] = more[k]; });
    return y;
  }
  function draw(c){
    if (c.drawn) { return; }
    c.drawn = true;
    var ctx = document.getElementById(c.id), made;
    if (c.type === 'kinds') {
      var median = dark?'#8ab4f8':'#1a4fa0', now = dark?'#fbbc04':'#e37400';
      var sets = [
        // the interval as a whisker: a narrow bar from its low to its high end, the median a dot on it
        {type:'bar', label:'95 % interval', data:c.intervals, backgroundColor:'rgba(66,133,244,.55)',
         maxBarThickness:10, minBarLength:2},
        {type:'scatter', label:'median', data:c.medians.map(function(m,i){return {x:c.labels[i], y:m};}),
         backgroundColor:c.labels.map(function(l){ return l === c.last ? now : median; }), pointRadius:5}];

      c.budgets.forEach(function(b){
        sets.push({type:'line', label:'budget '+fmt(b.limit,c.unit), data:c.labels.map(function(l){
          return l === b.label ? b.limit : null;}), borderColor:b.failed?'#c5221f':'#188038',
          borderDash:[6,4], spanGaps:false, showLine:true, pointStyle:'line',
          pointRadius:8, pointBorderWidth:3});
      });
      // a logarithmic axis where the kinds differ more than 5×: each one shows, none sits on the zero line
      var y = axis(c.axis);
      // a reference value (1× of a ratio) stays on the axis, drawn as a dashed line across the chart
      var plugins = [];
      if (c.reference !== undefined) {
        plugins.push({id:'reference', afterDatasetsDraw:function(chart){
          var at = chart.scales.y.getPixelForValue(c.reference), area = chart.chartArea, g = chart.ctx;
          g.save(); g.strokeStyle = '#888'; g.setLineDash([4,4]); g.beginPath();
          g.moveTo(area.left, at); g.lineTo(area.right, at); g.stroke(); g.restore(); }});
      }
      made = new Chart(ctx, {plugins:plugins, data:{labels:c.labels, datasets:sets},
        options:{animation:false, maintainAspectRatio:false, scales:{y:y},
          plugins:{tooltip:{callbacks:{label:function(t){
          var v = t.raw && t.raw.length ? fmt(t.raw[0],c.unit)+' – '+fmt(t.raw[1],c.unit)
            : fmt(t.parsed.y,c.unit); return t.dataset.label+': '+v;}}}}}});
      ctx.setAttribute('data-budget-lines', String(c.budgets.length));
    } else if (c.type === 'pairs') {
      var ends = [{x:c.pairs.min,y:0},{x:c.pairs.max,y:0}];
      function flat(v){ return ends.map(function(p){ return {x:p.x, y:v}; }); }
      made = new Chart(ctx, {type:'scatter', data:{datasets:[
        {label:'current/base of a pair', data:c.ratios.map(function(v,i){return {x:i+1,y:v};}),
         backgroundColor:c.failed?'#c5221f':(dark?'#8ab4f8':'#1a4fa0')},
        {label:'paired estimate '+fmt(c.ratio,'×'), data:flat(c.ratio), showLine:true,
         borderColor:dark?'#ddd':'#222', pointRadius:0},
        {label:'1×', data:flat(1), showLine:true, borderColor:'#888', borderDash:[4,4], pointRadius:0}]},
        options:{animation:false, maintainAspectRatio:false, scales:{x:axis(c.pairs,
          {title:{display:true, text:'pair, in the order measured'}}), y:axis(c.axis)}}});
    } else {
      var xs = c.points.map(function(p){return p[0];}), max = Math.max.apply(null, xs),
          min = Math.min.apply(null, xs);
      function line(s,i){return [{x:min,y:i+s*min},{x:max,y:i+s*max}];}
      made = new Chart(ctx, {type:'scatter', data:{datasets:[
        {label:'RSS', data:c.points.map(function(p){return {x:p[0],y:p[1]};}), backgroundColor:'#c5221f'},
        {label:c.rssLabel,
         data:line(c.rssSlope,c.rssIntercept),
         showLine:true, borderColor:'#c5221f', pointRadius:0},
        {label:'heap', data:c.points.map(function(p){return {x:p[0],y:p[2]};}), backgroundColor:'#1a4fa0'},
        {label:c.heapLabel,
         data:line(c.heapSlope,c.heapIntercept),
         showLine:true, borderColor:'#1a4fa0', pointRadius:0}]},
        options:{animation:false, maintainAspectRatio:false, scales:{
          x:axis(c.tasks, {title:{display:true,text:'tasks'}}),
          y:axis(c.axis, {title:{display:true,text:'added since '+c.smallest+' tasks'}})}}});
    }
    // the axis Chart.js built and how many distinct values it shows, for a reader of the DOM (the
    // browser test): a chart with fewer than 2 is empty or flat
    ctx.setAttribute('data-y-scale', made.scales.y.type);
    var ys = {};
    made.data.datasets.forEach(function(d){ d.data.forEach(function(v){
      [].concat(v !== null && typeof v === 'object' && !Array.isArray(v) ? v.y : v).forEach(function(y){
        if (typeof y === 'number') { ys[y] = true; } }); }); });
    ctx.setAttribute('data-y-values', String(Object.keys(ys).length));
    // the axis's ends and the values drawn, for the browser test: every value inside the plot area
    var values = Object.keys(ys).map(Number);
    ctx.setAttribute('data-y-axis', made.scales.y.min + ' ' + made.scales.y.max);
    // how many points the chart draws: a chart of three or fewer is a table instead (HtmlReport)
    ctx.setAttribute('data-points', String((c.labels || c.ratios || c.points).length));
    ctx.setAttribute('data-y-ticks', made.scales.y.ticks.map(function(t){ return t.label; }).join('|'));
    ctx.setAttribute('data-y-drawn', Math.min.apply(null, values) + ' ' + Math.max.apply(null, values));
    drawn++;
    document.body.setAttribute('data-charts-drawn', String(drawn));
  }
  // draw what is on screen, the rest as it scrolls into view: a report of a thousand results opens fast;
  // printing (or #all) draws every chart first
  var byId = {};
  charts.forEach(function(c){ byId[c.id] = c; });
  function drawAll(){ charts.forEach(draw); }
  window.addEventListener('beforeprint', function(){
    Array.prototype.forEach.call(document.querySelectorAll('details'), function(d){ d.open = true; });
    drawAll();
  });
  if (location.hash === '#all' || !('IntersectionObserver' in window)) {
    drawAll();
  } else {
    var seen = new IntersectionObserver(function(entries){
      entries.forEach(function(e){ if (e.isIntersecting) { draw(byId[e.target.id]);
        seen.unobserve(e.target); } });
    }, {rootMargin: '400px'});
    charts.forEach(function(c){ seen.observe(document.getElementById(c.id)); });
  }
  document.body.setAttribute('data-charts', String(charts.length));
  if (!drawn) { document.body.setAttribute('data-charts-drawn', '0'); }
  // where the run's verdicts end on the page, in CSS pixels: the browser test checks they fit the
  // first screen
  var verdicts = document.getElementById('verdicts');
  verdicts.setAttribute('data-bottom', String(Math.ceil(verdicts.getBoundingClientRect().bottom
    + window.scrollY)));

  // the filter: hides each test's section, and its rows of the table, whose name lacks the text
  var filter = document.getElementById('filter'), shown = document.getElementById('shown');
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.test'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.summary tbody tr'));
  function apply(){
    var text = filter.value.toLowerCase(), visible = 0;
    sections.forEach(function(s){
      var hide = s.querySelector('h2').textContent.toLowerCase().indexOf(text) < 0;
      s.hidden = hide; if (!hide) { visible++; }
    });
    rows.forEach(function(r){
      r.hidden = r.cells[0].title.toLowerCase().indexOf(text) < 0;
    });
    shown.textContent = text ? visible + ' of ' + sections.length + ' tests' : '';
    // a filtered page shows the tests asked for: the run's findings wait until the filter is cleared
    var findings = document.getElementById('findings');
    if (findings) { findings.hidden = !!text; }
  }
  filter.addEventListener('input', apply);
  // ?filter=text opens the page filtered: a link to share, and how the browser test types
  var asked = new URLSearchParams(location.search).get('filter');
  if (asked !== null) { filter.value = asked; filter.dispatchEvent(new Event('input')); }

  // a link to a test (a failure, a row) opens its section, even when filtered away or collapsed
  function reveal(){
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target || !target.classList.contains('test')) { return; }
    if (target.hidden) { filter.value = ''; apply(); }
    target.querySelector('details').open = true;
    target.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  reveal();

  // the full table sorts by a click on a header: figures by their value, text by its order
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function(table){
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function(th, column){
      th.addEventListener('click', function(){
        var up = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function(h){ h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
        var body = table.tBodies[0], sorted = Array.prototype.slice.call(body.rows);
        function key(row){ var cell = row.cells[column];
          return cell.hasAttribute('data-sort') ? Number(cell.getAttribute('data-sort'))
            : cell.textContent; }
        sorted.sort(function(a, b){ var x = key(a), y = key(b);
          var order = typeof x === 'number' ? x - y : x.localeCompare(y);
          return up ? order : -order; });
        sorted.forEach(function(row){ body.appendChild(row); });
      });
    });
  });
})();
