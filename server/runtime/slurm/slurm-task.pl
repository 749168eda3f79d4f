#!/usr/bin/perl
# One task instance of a Slurm attempt, started by `srun` inside the job's allocation:
#   1. takes its ports on this node and writes TASK_DIR/rendezvous.json (node address, ports);
#   2. waits until every task of the attempt has done so, then builds OpenPAI's environment
#      (PAI_HOST_IP_<role>_<i>, PAI_PORT_LIST_<role>_<i>_<label>, CUDA_VISIBLE_DEVICES from GRES);
#   3. runs the command under task-wrapper.pl (capped logs, TASK_DIR/exit-status);
#   4. end hook: under flock, appends its end to ATTEMPT_DIR/ends and applies minFailedTaskCount /
#      minSucceededTaskCount; a decided attempt gets ATTEMPT_DIR/stop (deadline for SIGKILL) and
#      SIGTERM for every task, so the rules hold even while the server is down.
# Usage: perl slurm-task.pl ATTEMPT_DIR   (SLURM_PROCID picks the task)
use strict;
use warnings;
use Fcntl qw(:flock);
use IO::Socket::INET;
use JSON::PP;
use Time::HiRes qw(sleep time);

my $attempt_dir = $ARGV[0];
$SIG{TERM} = 'IGNORE';
my $json = JSON::PP->new->canonical;
my $manifest = read_json("$attempt_dir/manifest.json");
my $task = $manifest->{tasks}[$ENV{SLURM_PROCID} // 0] or die "no task $ENV{SLURM_PROCID}";
my $task_dir = $task->{taskDir};
system('mkdir', '-p', $task->{workDir});

sub read_json {
    my ($path) = @_;
    open(my $fh, '<', $path) or return undef;
    local $/;
    my $text = <$fh>;
    close $fh;
    return eval { $json->decode($text) };
}

sub write_json {
    my ($path, $value) = @_;
    open(my $fh, '>', "$path.tmp") or die "open $path.tmp: $!";
    print $fh $json->encode($value);
    close $fh;
    rename("$path.tmp", $path) or die "rename $path: $!";
}

# 1. Ports: held open until the rendezvous is complete, so no two labels get the same one.
my (@held, %ports);
for my $request (@{ $task->{ports} }) {
    my $label = $request->{label};
    $ports{$label} = [];
    if ($label eq 'ssh' && $task->{sshPort}) {
        push @{ $ports{$label} }, $task->{sshPort};
        next;
    }
    for (1 .. $request->{portNumber}) {
        my $socket;
        for my $try (0 .. 2000) {
            my $port = $request->{beginAt} ? $request->{beginAt} + $try : 0;
            $socket = IO::Socket::INET->new(Listen => 1, LocalAddr => '0.0.0.0', LocalPort => $port,
                Proto => 'tcp', ReuseAddr => 0);
            last if $socket;
            last if !$request->{beginAt};
        }
        die "no free port for $label" unless $socket;
        push @held, $socket;
        push @{ $ports{$label} }, $socket->sockport;
    }
}
my $node = $ENV{SLURMD_NODENAME} // '';
my $ip = $manifest->{nodeAddrs}{$node};
if (!defined $ip) {
    my $shown = `scontrol -o show node '$node' 2>/dev/null`;
    $ip = $shown =~ /NodeAddr=(\S+)/ ? $1 : '127.0.0.1';
}
$ip = '127.0.0.1' if $ip eq 'localhost';
my @gpus = grep { length } split /,/, ($ENV{CUDA_VISIBLE_DEVICES} // '');
@gpus = @gpus[0 .. $task->{gpuNumber} - 1] if @gpus > $task->{gpuNumber};
write_json("$task_dir/rendezvous.json", { node => $node, ip => $ip, ports => \%ports, gpus => \@gpus });

# 2. Wait for the others.
my %peers;
while (keys %peers < @{ $manifest->{tasks} }) {
    for my $peer (@{ $manifest->{tasks} }) {
        next if $peers{$peer->{taskDir}};
        my $seen = read_json("$peer->{taskDir}/rendezvous.json");
        $peers{$peer->{taskDir}} = { %$peer, %$seen } if $seen;
    }
    sleep 0.05 if keys %peers < @{ $manifest->{tasks} };
}
close $_ for @held;

my %env = %{ $task->{env} };
for my $key (keys %ENV) {
    $env{$key} = $ENV{$key} if $key =~ /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR)$/;
}
for my $peer (values %peers) {
    my $id = "$peer->{role}_$peer->{index}";
    $env{"PAI_HOST_IP_$id"} = $peer->{ip};
    $env{"PAI_PORT_LIST_${id}_$_"} = join(',', @{ $peer->{ports}{$_} }) for keys %{ $peer->{ports} };
}
$env{CUDA_VISIBLE_DEVICES} = join(',', @gpus);
write_json("$task_dir/env.json", \%env);
for my $key (keys %ENV) { $env{$key} = $ENV{$key} if $key =~ /^SLURM/ && !exists $env{$key}; }

# 3. The command.
unlink("$task_dir/exit-status");
my $pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0) {
    %ENV = %env;
    chdir $task->{workDir} or exit 126;
    $SIG{TERM} = 'DEFAULT';
    exec('perl', $manifest->{wrapper}, $task_dir, $manifest->{logMaxBytes}, $task->{command}) or exit 127;
}
waitpid($pid, 0);

# 4. End hook.
open(my $status_fh, '<', "$task_dir/exit-status");
my $status = $status_fh ? <$status_fh> : undef;
$status = 'lost 0' unless defined $status && $status =~ /^(exit|signal) \d+/;
chomp $status;
open(my $lock, '>>', "$attempt_dir/ends.lock") or die "lock: $!";
flock($lock, LOCK_EX);
open(my $ends, '>>', "$attempt_dir/ends") or die "ends: $!";
print $ends "end $task->{role} $task->{index} $status\n";
close $ends;
open($ends, '<', "$attempt_dir/ends");
my (%failed, %succeeded, $decided);
while (my $line = <$ends>) {
    $decided = 1 if $line =~ /^decided/;
    next unless $line =~ /^end (\S+) \d+ (exit|signal|lost) (\d+)/;
    if ($2 eq 'exit' && $3 == 0) { $succeeded{$1}++ } else { $failed{$1}++ }
}
close $ends;
my $rules = $manifest->{roles}{ $task->{role} };
my $reached =
    (defined $rules->{minFailed} && ($failed{ $task->{role} } // 0) >= $rules->{minFailed} && $status !~ /^exit 0/)
    || (defined $rules->{minSucceeded} && ($succeeded{ $task->{role} } // 0) >= $rules->{minSucceeded} && $status =~ /^exit 0/);
if ($reached && !$decided && !-e "$attempt_dir/stop") {
    open($ends, '>>', "$attempt_dir/ends");
    print $ends "decided $task->{role} $task->{index}\n";
    close $ends;
    open(my $stop, '>', "$attempt_dir/stop");
    print $stop int(time() * 1000 + $manifest->{graceMs}), "\n";
    close $stop;
}
flock($lock, LOCK_UN);
system('scancel', '-s', 'TERM', $ENV{SLURM_JOB_ID}) if $reached && !$decided;
exit 0;
