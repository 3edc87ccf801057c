// Issue 29 (docs/methodology.md, "Execution samples misplace a platform brigade's time"): a ring of platform or virtual
// threads passing a token through ArrayBlockingQueues, each hop timing encode and decode with nanoTime, recorded with
// JFR's execution sampler (period in µs, positive) or CPU-time sampler (throttle in µs, negative). Arguments: P|V,
// tasks, period, encode steps; -Dsecs=N measures N seconds.
//   java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -Dsecs=4 Ring.java P 20 1000 1000
import jdk.jfr.*; import jdk.jfr.consumer.*; import java.nio.file.*; import java.util.*; import java.util.concurrent.*; import java.time.*;
public class Ring {
  static volatile long sink; static volatile boolean timing; static long[] encT=new long[1000], decT=new long[1000]; static volatile byte[] last;
  static long encode(int n){ last = new byte[512]; long s=17; for(int i=0;i<n;i++){ s=s*6364136223846793005L+i; s^=s>>>29;} return s; }
  static long decode(int n){ long s=31; for(int i=0;i<n;i++){ s=s*6364136223846793005L+i; s^=s>>>29;} return s; }
  public static void main(String[] a) throws Exception {
    boolean virt = a[0].equals("V"); int tasks = Integer.parseInt(a[1]); long periodUs = Long.parseLong(a[2]); int enc = Integer.parseInt(a[3]);
    List<ArrayBlockingQueue<Integer>> qs = new ArrayList<>(); for (int i=0;i<tasks;i++) qs.add(new ArrayBlockingQueue<>(1));
    long[] hops = new long[1]; var stop = new java.util.concurrent.atomic.AtomicBoolean();
    List<Thread> ts = new ArrayList<>();
    for (int i=0;i<tasks;i++){ int k=i; Runnable r = () -> { try { while(true){ int v = qs.get(k).take(); if (v<0){ qs.get((k+1)%tasks).put(-1); return;} long q0=System.nanoTime(); long e1=encode(enc); long q1=System.nanoTime(); long d1=decode(3000); long q2=System.nanoTime(); sink=e1+d1; if (timing) { encT[k]+=q1-q0; decT[k]+=q2-q1; } if (k==0) hops[0]++; if (stop.get() && k==0) { qs.get((k+1)%tasks).put(-1); return;} qs.get((k+1)%tasks).put(v+1);} } catch (InterruptedException e) {} };
      ts.add(virt ? Thread.ofVirtual().unstarted(r) : Thread.ofPlatform().unstarted(r)); }
    ts.forEach(Thread::start); qs.get(0).put(0);
    Thread.sleep(1500);  // the ring runs meanwhile: 1.5 s of warm-up before the recording, then the timed window below
    Recording rec = new Recording(); if (periodUs > 0) rec.enable("jdk.ExecutionSample").withPeriod(Duration.ofNanos(periodUs*1000)); else rec.enable("jdk.CPUTimeSample").with("throttle", (-periodUs) + " us"); rec.start();
    timing=true; long h0 = hops[0]; long t0=System.nanoTime(); Thread.sleep(Long.getLong("secs",2)*1000); long h1=hops[0]; long t1=System.nanoTime(); timing=false;
    rec.stop(); Path p = Files.createTempFile("ring",".jfr"); rec.dump(p); rec.close();
    stop.set(true); for (Thread t: ts) t.join();
    Map<String,Integer> top = new TreeMap<>(); int n=0;
    for (RecordedEvent e : RecordingFile.readAllEvents(p)) { if(!e.getEventType().getName().equals("jdk.ExecutionSample") && !e.getEventType().getName().equals("jdk.CPUTimeSample")) continue; n++; var f=e.getStackTrace().getFrames().get(0); top.merge(f.getMethod().getName()+":"+f.getLineNumber(),1,Integer::sum);}
    Files.delete(p);
    double secs=(t1-t0)/1e9; System.out.printf("%s tasks %d period %dus enc %d: rounds/s %.0f  hop %.2f us  samples %d (%.0f/s)%n", a[0], tasks, periodUs, enc, (h1-h0)/secs, secs*1e6/((h1-h0)*tasks), n, n/secs);
    long se=0,sd=0; for(int i=0;i<tasks;i++){se+=encT[i];sd+=decT[i];} System.out.printf("   timed: encode %.2f us/hop  decode %.2f us/hop%n", se/1e3/((h1-h0)*tasks), sd/1e3/((h1-h0)*tasks));
    top.entrySet().stream().sorted((x,y)->y.getValue()-x.getValue()).limit(6).forEach(x->System.out.println("   "+x.getValue()+" "+x.getKey()));
  }
}
