#!/usr/bin/perl
# Starts task wrappers for the server, so that the server's own process (hundreds of MB, whose
# fork took 20-30 ms of every launch) is never forked: this small process forks instead.
# Requests on stdin, each "BYTES\n" then BYTES bytes of fields joined by "\0":
#   ID, CWD, ARGC, ARGV (ARGC fields), then the environment (NAME=VALUE fields).
# Replies on stdout, one line each:
#   "forking ID" before the fork (a request without it was never acted on), "started ID PID" once
#   the program has been exec'd, "failed ID REASON" when it could not be, and "exited PID" when a
#   started process has ended (always after its "started" line).
# Each program runs in a session of its own, in CWD, with stdin, stdout and stderr on /dev/null
# and exactly the environment given. At the end of stdin (the server stopped or died) this
# process exits; what it started keeps running.
use strict;
use warnings;
use POSIX ();

# A no-op handler, so that select() returns early when a child ends.
$SIG{CHLD} = sub { };
# A server that went away ends this process through the failed write, not a signal.
$SIG{PIPE} = 'IGNORE';

sub reply {
    my ($line) = @_;
    syswrite(STDOUT, "$line\n") or exit 0;
}

sub reap {
    while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) {
        reply("exited $pid");
    }
}

sub start {
    my ($id, $cwd, $argc, @rest) = @_;
    my @argv = splice(@rest, 0, $argc);
    my %env = map { split(/=/, $_, 2) } @rest;
    # Closed by a successful exec (perl opens it close-on-exec); carries the reason otherwise.
    pipe(my $status_read, my $status_write) or return reply("failed $id pipe: $!");
    reply("forking $id");
    my $pid = fork();
    return reply("failed $id fork: $!") unless defined $pid;
    if ($pid == 0) {
        close $status_read;
        $SIG{$_} = 'DEFAULT' for qw(CHLD PIPE);
        eval {
            POSIX::setsid() or die "setsid: $!\n";
            chdir($cwd) or die "chdir $cwd: $!\n";
            open(STDIN, '<', '/dev/null') or die "/dev/null: $!\n";
            open(STDOUT, '>', '/dev/null') or die "/dev/null: $!\n";
            open(STDERR, '>', '/dev/null') or die "/dev/null: $!\n";
            %ENV = %env;
            exec { $argv[0] } @argv or die "$argv[0]: $!\n";
        };
        syswrite($status_write, $@ || 'exec failed');
        POSIX::_exit(127);
    }
    close $status_write;
    my $reason = '';
    for (;;) {
        my $got = sysread($status_read, $reason, 4096, length $reason);
        next if !defined $got && $!{EINTR};
        last unless $got;
    }
    close $status_read;
    if ($reason eq '') {
        reply("started $id $pid");
        return;
    }
    waitpid($pid, 0);
    chomp $reason;
    $reason =~ s/\n/ /g;
    reply("failed $id $reason");
}

my $buffer = '';
for (;;) {
    reap();
    my $wanted = '';
    vec($wanted, fileno(STDIN), 1) = 1;
    # The timeout only bounds the delay of an exit whose signal came just before select().
    next if select(my $readable = $wanted, undef, undef, 1) <= 0;
    my $got = sysread(STDIN, $buffer, 65536, length $buffer);
    next if !defined $got && $!{EINTR};
    exit 0 unless $got;
    while ($buffer =~ /^(\d+)\n/) {
        my ($bytes, $header) = ($1, length($1) + 1);
        last if length($buffer) < $header + $bytes;
        my $record = substr($buffer, $header, $bytes);
        substr($buffer, 0, $header + $bytes) = '';
        start(split(/\0/, $record, -1));
    }
}
